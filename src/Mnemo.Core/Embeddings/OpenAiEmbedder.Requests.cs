using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Mnemo.Core.Embeddings.Internal;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Embeddings;

/// <summary>One batch over HTTP: the request, the retries and the errors.</summary>
public sealed partial class OpenAiEmbedder
{
    /// <summary>Sends one batch, retrying what may pass on a second try, and returns its vectors in input order.</summary>
    private async Task<EmbeddingsAnswer> SendBatchAsync(List<string> batch, CancellationToken cancellationToken)
    {
        var body = OpenAiEmbeddingsJson.WriteRequest(_options.Model, batch, _options.SendDimensions ? _options.Dimensions : null);
        var attempts = _options.MaxRetries + 1;
        for (var attempt = 1; ; attempt++)
        {
            Failure failure;
            TimeSpan? retryAfter = null;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(_options.Timeout);
                try
                {
                    using var request = CreateRequest(body);
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                        .ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return await ReadAnswerAsync(response, batch.Count, deadline.Token).ConfigureAwait(false);
                    }

                    var text = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
                    var serverMessage = Redact(OpenAiEmbeddingsJson.ReadErrorMessage(text));
                    if (!IsRetryable(response.StatusCode))
                    {
                        throw Refused(response.StatusCode, response.ReasonPhrase, serverMessage);
                    }

                    failure = new Failure(FailureKind.Status, $"{Status(response.StatusCode, response.ReasonPhrase)}"
                        + (serverMessage is null ? string.Empty : $" ({serverMessage})"));
                    retryAfter = RetryAfter(response);
                }
                catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new Failure(FailureKind.Connection, Describe(e));
                }
                catch (IOException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The connection broke while the answer was being read.
                    failure = new Failure(FailureKind.Connection, "the connection broke during the answer");
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new Failure(FailureKind.Timeout, $"no answer within {_options.Timeout.TotalSeconds:0.###} s");
                }
            }

            if (attempt >= attempts)
            {
                throw Exhausted(attempts, failure);
            }

            await _delay(RetryDelay(attempt, retryAfter), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: the server's <c>Retry-After</c>, else exponential.</summary>
    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter
            ?? TimeSpan.FromTicks((long)Math.Min(_options.RetryBaseDelay.Ticks * Math.Pow(2, attempt - 1), _options.MaxRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>The server's wish: OpenAI's <c>retry-after-ms</c>, else <c>Retry-After</c> in seconds or as a date.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
    }

    private static string Status(HttpStatusCode status, string? reason) =>
        $"{(int)status} {(string.IsNullOrEmpty(reason) ? status.ToString() : reason)}";

    private static string Describe(HttpRequestException e)
    {
        var socket = e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name did not resolve",
            HttpRequestError.ConnectionError when socket?.SocketErrorCode == SocketError.ConnectionRefused => "connection refused",
            HttpRequestError.ConnectionError when socket is not null => $"connection failed ({socket.SocketErrorCode})",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed (does the server speak https?)",
            HttpRequestError.ResponseEnded => "the server closed the connection without a full answer",
            HttpRequestError.InvalidResponse => "the answer was not valid HTTP",
            _ => "the request failed",
        };
    }

    private HttpRequestMessage CreateRequest(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, RequestUri)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            if (_options.ApiKeyHeader == OpenAiApiKeyHeader.ApiKey)
            {
                request.Headers.TryAddWithoutValidation("api-key", _options.ApiKey);
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
            }
        }

        return request;
    }

    private async Task<EmbeddingsAnswer> ReadAnswerAsync(HttpResponseMessage response, int count, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                return OpenAiEmbeddingsJson.ReadAnswer(document.RootElement, count);
            }
            catch (JsonException e)
            {
                throw NotEmbeddings(response.StatusCode, "it is not JSON", e);
            }
            catch (FormatException e)
            {
                throw NotEmbeddings(response.StatusCode, e.Message, e);
            }
        }
    }

    private MnemoException NotEmbeddings(HttpStatusCode status, string reason, Exception inner) =>
        MnemoErrors.NotEmbeddings(_displayUri, status, reason, inner);

    private MnemoException Refused(HttpStatusCode status, string? reason, string? serverMessage) =>
        MnemoErrors.EmbedderRefused(_displayUri, status, Status(status, reason), serverMessage, !string.IsNullOrEmpty(_options.ApiKey), _options.Model);

    private MnemoException Exhausted(int attempts, Failure failure)
    {
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return failure.Kind switch
        {
            FailureKind.Connection => MnemoErrors.EmbedderUnreachable(_displayUri, failure.Detail, tries),
            FailureKind.Timeout => MnemoErrors.EmbedderTimedOut(_displayUri, failure.Detail, tries),
            _ => MnemoErrors.EmbedderKeptFailing(_displayUri, tries, failure.Detail),
        };
    }

    /// <summary>Removes the API key from a server's text, in case it echoes the request.</summary>
    private string? Redact(string? serverMessage) =>
        serverMessage is not null && _options.ApiKey is { Length: > 0 } key
            ? serverMessage.Replace(key, "***", StringComparison.Ordinal)
            : serverMessage;

    private enum FailureKind
    {
        Status,
        Connection,
        Timeout,
    }

    private readonly record struct Failure(FailureKind Kind, string Detail);
}
