namespace Clinic.Caching.Internal;

/// <summary>
/// What the cache learned about one URL (Django's header-list entry): the request headers its response varies on,
/// lower-cased and sorted, and a generation that is part of every page key, so removing this record orphans every
/// stored variant of the URL at once.
/// </summary>
internal sealed class VaryRecord
{
    public VaryRecord(string[] headerNames, string generation)
    {
        HeaderNames = headerNames;
        Generation = generation;
        VariesOnCookie = Array.IndexOf(headerNames, "cookie") >= 0;
        VariesOnAuthorization = Array.IndexOf(headerNames, "authorization") >= 0;
    }

    public string[] HeaderNames { get; }

    public string Generation { get; }

    public bool VariesOnCookie { get; }

    public bool VariesOnAuthorization { get; }

    public bool SameHeaders(string[] other) => HeaderNames.AsSpan().SequenceEqual(other);
}
