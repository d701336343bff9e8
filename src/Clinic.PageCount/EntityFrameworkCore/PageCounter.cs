namespace Clinic.PageCount;

/// <summary>The stored counts of one page (table <c>clinic_page_counts</c>).</summary>
public sealed class PageCounter
{
    /// <summary>The page key: lower-cased path or route pattern, starting with '/'. Primary key.</summary>
    public string Page { get; set; } = "";

    /// <summary>Human views.</summary>
    public long Views { get; set; }

    /// <summary>Views by user agents on the bot list.</summary>
    public long BotViews { get; set; }
}
