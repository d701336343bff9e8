namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>
/// The two-list picker without JavaScript: both lists post under one name, the chosen one pre-selected (unselect to
/// remove), the available one unselected (select to add); a GET filter narrows the available list.
/// </summary>
internal sealed record AdminPickerModel(string Name, string Label, IReadOnlyList<KeyValuePair<int, string>> Chosen, IReadOnlyList<KeyValuePair<int, string>> Available, string? FilterName, string? Filter, string? FilterFormId);
