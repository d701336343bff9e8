using Clinic.Erp.Data;
using Clinic.Erp.Domain;
using Clinic.Users;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Erp.Infrastructure;

/// <summary>
/// Registers a user together with their doctor or patient record, in one transaction: the account is created with
/// Clinic.Users' <see cref="ClinicAccountService{TUser}.RegisterAsync"/>, the record is added, and either both are
/// stored or neither. The new user is then signed in.
/// </summary>
public sealed class Registration(ErpDbContext db, ClinicAccountService<ErpUser> account, ClinicUserManager<ErpUser> users, ClinicSignInManager<ErpUser> signIn)
{
    /// <summary>
    /// Runs the password validators without creating anything, so their messages are shown together with every
    /// other field's (Django validates the whole form at once).
    /// </summary>
    public async Task ValidatePasswordAsync(RegisterViewModel form, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrEmpty(form.Password))
        {
            return;
        }

        var candidate = new ErpUser { Email = form.Email, UserName = form.Email, FirstName = form.FirstName ?? "", LastName = form.LastName ?? "" };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, form.Password);
            foreach (var error in result.Errors)
            {
                modelState.AddModelError($"{prefix}.{nameof(RegisterViewModel.Password)}", error.Description);
            }
        }

        if (!string.IsNullOrWhiteSpace(form.Email) && await users.FindByEmailAsync(form.Email) is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(RegisterViewModel.Email)}", "A user with that email address already exists.");
        }
    }

    /// <summary>
    /// Creates the account and the record made by <paramref name="createRecord"/> from the new user's id; on any
    /// failure nothing is stored and the errors are added to <paramref name="modelState"/> under <paramref name="prefix"/>.
    /// </summary>
    /// <returns>Whether the user was registered and signed in.</returns>
    public async Task<bool> RegisterAsync(RegisterViewModel form, Func<string, object> createRecord, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(createRecord);
        ArgumentNullException.ThrowIfNull(modelState);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await account.RegisterAsync(form);
        if (!result.Succeeded)
        {
            result.AddTo(modelState, prefix);
            return false;
        }

        var user = await users.FindByEmailAsync(form.Email) ?? throw new InvalidOperationException("The registered user was not found.");
        db.Add(createRecord(user.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A licence number taken between the check and the insert (unique index): report it on the form.
            modelState.AddModelError(string.Empty, "Those details were just registered by someone else. Check them and try again.");
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false);
        return true;
    }
}
