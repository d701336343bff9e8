using System.Buffers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Clinic.PageCount.Internal;

/// <summary>Tells bots by substrings of the User-Agent header (vectorized search, no allocation).</summary>
internal sealed class BotDetector
{
    private readonly SearchValues<string>? _needles;

    public BotDetector(IOptions<PageCountOptions> options)
    {
        var list = options.Value.BotUserAgents.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        _needles = list.Length == 0 ? null : SearchValues.Create(list, StringComparison.OrdinalIgnoreCase);
    }

    public bool IsBot(StringValues userAgent)
    {
        if (_needles is null)
        {
            return false;
        }

        foreach (var value in userAgent)
        {
            if (value is not null && value.AsSpan().ContainsAny(_needles))
            {
                return true;
            }
        }

        return false;
    }
}
