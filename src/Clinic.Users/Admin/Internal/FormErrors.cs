namespace Clinic.Users.Admin.Internal;

/// <summary>Errors of a bound form, per field and for the whole form.</summary>
internal sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public List<string> NonField { get; } = [];

    public bool IsValid => _fields.Count == 0 && NonField.Count == 0;

    public void Add(string field, string message)
    {
        if (!_fields.TryGetValue(field, out var list))
        {
            _fields[field] = list = [];
        }

        list.Add(message);
    }

    public void AddNonField(string message) => NonField.Add(message);

    public bool Has(string field) => _fields.ContainsKey(field);

    public IReadOnlyList<string> For(string field) => _fields.TryGetValue(field, out var list) ? list : [];
}
