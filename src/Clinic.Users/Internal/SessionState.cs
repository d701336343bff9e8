namespace Clinic.Users.Internal;

/// <summary>What a request needs to know to accept a user's cookie: does the user exist, are they active, the current stamp.</summary>
internal readonly record struct SessionState(bool Exists, bool IsActive, string? SecurityStamp)
{
    public static SessionState Missing { get; } = new(false, false, null);

    public string Serialize() => Exists ? (IsActive ? "1|" : "0|") + SecurityStamp : "-";

    public static SessionState? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value == "-")
        {
            return Missing;
        }

        if (value.Length >= 2 && value[1] == '|' && (value[0] == '0' || value[0] == '1'))
        {
            return new SessionState(true, value[0] == '1', value[2..]);
        }

        return null;
    }
}
