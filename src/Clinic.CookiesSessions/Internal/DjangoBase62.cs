namespace Clinic.CookiesSessions.Internal;

/// <summary>Django's <c>baseconv.base62</c> for non-negative integers (the timestamp of a <c>TimestampSigner</c>).</summary>
internal static class DjangoBase62
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>At most 11 base-62 digits fit a non-negative <see cref="long"/>.</summary>
    public const int MaxLength = 11;

    public static int Encode(long value, Span<char> destination)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only non-negative timestamps are encoded.");
        }

        Span<char> buffer = stackalloc char[MaxLength];
        var position = MaxLength;
        do
        {
            buffer[--position] = Alphabet[(int)(value % 62)];
            value /= 62;
        }
        while (value > 0);

        var length = MaxLength - position;
        buffer[position..].CopyTo(destination);
        return length;
    }

    public static string Encode(long value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = Encode(value, buffer);
        return new string(buffer[..length]);
    }

    /// <summary>Decodes digits only: a sign, an empty string, a foreign character or an overflow fails.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            int digit;
            if (c is >= '0' and <= '9')
            {
                digit = c - '0';
            }
            else if (c is >= 'A' and <= 'Z')
            {
                digit = c - 'A' + 10;
            }
            else if (c is >= 'a' and <= 'z')
            {
                digit = c - 'a' + 36;
            }
            else
            {
                return false;
            }

            if (value > (long.MaxValue - digit) / 62)
            {
                return false;
            }

            value = (value * 62) + digit;
        }

        return true;
    }
}
