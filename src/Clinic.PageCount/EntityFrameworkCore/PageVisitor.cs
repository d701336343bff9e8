namespace Clinic.PageCount;

/// <summary>One unique visitor of a page on a day (table <c>clinic_page_visitors</c>); only a keyed hash is stored.</summary>
public sealed class PageVisitor
{
    /// <summary>The page key.</summary>
    public string Page { get; set; } = "";

    /// <summary>The day, in UTC.</summary>
    public DateOnly Day { get; set; }

    /// <summary>HMAC-SHA256 of the day and the IP address or session id, 32 hexadecimal characters.</summary>
    public string Visitor { get; set; } = "";
}
