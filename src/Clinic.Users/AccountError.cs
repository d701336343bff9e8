namespace Clinic.Users;

/// <summary>One error of an account form: the field it belongs to (empty for the whole form) and the message.</summary>
/// <param name="Field">The view-model property name, or an empty string for a form-level error.</param>
/// <param name="Message">The message to show.</param>
public sealed record AccountError(string Field, string Message);
