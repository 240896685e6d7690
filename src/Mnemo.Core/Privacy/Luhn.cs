namespace Mnemo.Core.Privacy;

/// <summary>The Luhn (mod 10) check digit test that every payment card number passes.</summary>
internal static class Luhn
{
    /// <summary>Whether the digits of <paramref name="text"/> pass the Luhn check; characters other than digits are skipped.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var sum = 0;
        var digits = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                continue;
            }

            var digit = c - '0';

            // Every second digit from the right (the check digit being the first) is doubled, its digits summed.
            if (digits % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            digits++;
        }

        return digits > 0 && sum % 10 == 0;
    }
}
