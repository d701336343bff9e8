using System.Diagnostics.CodeAnalysis;

namespace Clinic.Caching.Internal;

/// <summary>
/// A store in this process: looked up by a span (no key string per hit), handing back the entry object so the
/// middleware can keep the parsed response on it.
/// </summary>
internal interface ILocalResponseCacheStore
{
    bool TryGetLocal(ReadOnlySpan<char> key, [NotNullWhen(true)] out LocalEntry? entry);
}
