namespace Clinic.PageCount;

/// <summary>One unique visitor of one page on one day (UTC).</summary>
/// <param name="Page">The page key.</param>
/// <param name="Day">The day, in UTC.</param>
/// <param name="Visitor">A keyed hash of the visitor (32 hexadecimal characters); never a raw IP address or session id.</param>
public readonly record struct PageVisit(string Page, DateOnly Day, string Visitor);
