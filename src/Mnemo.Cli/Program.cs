using Mnemo.Cli;

return await MnemoCli.RunProcessAsync(args).ConfigureAwait(false);
