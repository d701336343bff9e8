namespace Clinic.PageCount;

/// <summary>What names a counter: the request path or the endpoint's route pattern.</summary>
public enum PageCountKey
{
    /// <summary>The request path, lower-cased: <c>/doctors/7</c> and <c>/doctors/8</c> are two counters.</summary>
    Path = 0,

    /// <summary>The route pattern, lower-cased: <c>/doctors/{id}</c> is one counter for every doctor.</summary>
    RoutePattern = 1,
}
