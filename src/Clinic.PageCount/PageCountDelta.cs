namespace Clinic.PageCount;

/// <summary>Views of one page to add to the stored counts.</summary>
/// <param name="Page">The page key (lower-cased, starting with <c>/</c>).</param>
/// <param name="Views">Human views to add.</param>
/// <param name="BotViews">Bot views to add.</param>
public readonly record struct PageCountDelta(string Page, long Views, long BotViews);
