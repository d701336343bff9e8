namespace Clinic.PageCount;

/// <summary>
/// Marks a controller, action, Razor page or endpoint whose successful GETs are counted. Endpoints can use
/// <c>.WithPageCount()</c> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class PageCountAttribute : Attribute
{
    private PageCountKey? _keyBy;

    /// <summary>What names this page's counter; when not set, <see cref="PageCountOptions.KeyBy"/> decides.</summary>
    public PageCountKey KeyBy
    {
        get => _keyBy ?? PageCountKey.Path;
        set => _keyBy = value;
    }

    internal PageCountKey? ExplicitKeyBy => _keyBy;
}
