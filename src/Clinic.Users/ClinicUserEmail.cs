namespace Clinic.Users;

/// <summary>E-mail normalisation as Django's <c>BaseUserManager.normalize_email</c> does it.</summary>
public static class ClinicUserEmail
{
    /// <summary>
    /// Trims the address and lower-cases the part after the last <c>@</c>; the local part keeps its case.
    /// An address without <c>@</c> is only trimmed; <see langword="null"/> gives an empty string.
    /// </summary>
    /// <param name="email">The address as typed.</param>
    /// <returns>The normalised address.</returns>
    public static string Normalize(string? email)
    {
        var trimmed = (email ?? string.Empty).Trim();
        var at = trimmed.LastIndexOf('@');
        if (at < 0)
        {
            return trimmed;
        }

        return string.Concat(trimmed.AsSpan(0, at + 1), trimmed[(at + 1)..].ToLowerInvariant());
    }
}
