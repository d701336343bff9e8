namespace Clinic.Caching.Internal;

/// <summary>Why a response was not stored or the cache was bypassed; each value is what the diagnostic header says.</summary>
internal static class NotStoredReason
{
    public const string Hit = "HIT";
    public const string Miss = "MISS";
    public const string Status = "MISS; not stored: status is not 200";
    public const string Partial = "MISS; not stored: partial content";
    public const string Private = "MISS; not stored: Cache-Control private";
    public const string NoStore = "MISS; not stored: Cache-Control no-store";
    public const string NoCache = "MISS; not stored: Cache-Control no-cache";
    public const string MaxAgeZero = "MISS; not stored: max-age=0";
    public const string VaryStar = "MISS; not stored: Vary *";
    public const string SetCookie = "MISS; not stored: sets a cookie";
    public const string Authorization = "MISS; not stored: request has Authorization and the response does not vary on it";
    public const string SignedIn = "MISS; not stored: signed-in user and the response does not vary on Cookie";
    public const string TooLarge = "MISS; not stored: body larger than MaximumBodySize";
    public const string BypassMethod = "BYPASS; method is not GET or HEAD";
    public const string BypassExcluded = "BYPASS; excluded path";
    public const string StoreFailed = "MISS; not stored: the store failed";
}
