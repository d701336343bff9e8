namespace Clinic.PageCount;

/// <summary>The counts of one page.</summary>
/// <param name="Page">The page key (lower-cased, starting with <c>/</c>).</param>
/// <param name="Views">Human views.</param>
/// <param name="BotViews">Views by user agents on the bot list.</param>
public readonly record struct PageCountSnapshot(string Page, long Views, long BotViews);
