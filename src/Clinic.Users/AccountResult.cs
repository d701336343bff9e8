using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clinic.Users;

/// <summary>The outcome of an account operation of <see cref="ClinicAccountService{TUser}"/>.</summary>
public sealed class AccountResult
{
    private AccountResult(IReadOnlyList<AccountError> errors)
    {
        Errors = errors;
    }

    /// <summary>Success.</summary>
    public static AccountResult Success { get; } = new([]);

    /// <summary>Whether the operation succeeded.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The errors, by field.</summary>
    public IReadOnlyList<AccountError> Errors { get; }

    /// <summary>A failure.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    public static AccountResult Failed(params AccountError[] errors) =>
        new(errors is { Length: > 0 } ? errors : [new AccountError(string.Empty, "The operation failed.")]);

    /// <summary>Copies the errors into MVC's model state, for the form partials to show.</summary>
    /// <param name="modelState">The model state.</param>
    /// <param name="prefix">The model-state prefix of the view model, if any.</param>
    public void AddTo(ModelStateDictionary modelState, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty : string.IsNullOrEmpty(prefix) ? error.Field : prefix + "." + error.Field;
            modelState.AddModelError(key, error.Message);
        }
    }
}
