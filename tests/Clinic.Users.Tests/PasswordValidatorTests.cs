using Clinic.Users.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests;

/// <summary>Django's four validators, with Django's messages and codes.</summary>
public sealed class PasswordValidatorTests
{
    private static readonly TestUser User = new() { Email = "jane.doe@example.com", FirstName = "Jane", LastName = "Doe-Smithers" };

    [Theory]
    [InlineData("short1!", "password_too_short", "This password is too short. It must contain at least 8 characters.")]
    [InlineData("1234567890", "password_entirely_numeric", "This password is entirely numeric.")]
    [InlineData("٣٤٥٦٧٨٩٠١٢", "password_entirely_numeric", "This password is entirely numeric.")]
    [InlineData("Password1", "password_too_common", "This password is too common.")]
    [InlineData("  qwertyuiop ", "password_too_common", "This password is too common.")]
    [InlineData("jane.doe@example", "password_too_similar", "The password is too similar to the email address.")]
    [InlineData("smithers1", "password_too_similar", "The password is too similar to the last name.")]
    public async Task Validate_WeakPassword_GivesDjangosError(string password, string code, string message)
    {
        var errors = await ValidateAsync(password);

        Assert.Contains(errors, e => e.Code == code && e.Description == message);
    }

    [Theory]
    [InlineData("correct horse 42")]
    [InlineData("Tr0ub4dor&3xyz")]
    public async Task Validate_GoodPassword_Passes(string password)
    {
        Assert.Empty(await ValidateAsync(password));
    }

    [Fact]
    public async Task Validate_OneCharacterMinimum_UsesSingular()
    {
        var validator = new MinimumLengthPasswordValidator<TestUser>(Options.Create(new ClinicUsersOptions { MinimumPasswordLength = 1 }));

        var result = await validator.ValidateAsync(null!, User, string.Empty);

        Assert.Equal("This password is too short. It must contain at least 1 character.", Assert.Single(result.Errors).Description);
    }

    [Theory]
    [InlineData("abcd", "abcd", 1.0)]
    [InlineData("abcd", "dcba", 1.0)]
    [InlineData("abcd", "efgh", 0.0)]
    [InlineData("aab", "abb", 2.0 * 2 / 6)]
    public void QuickRatio_Pairs_MatchesDifflib(string a, string b, double expected)
    {
        Assert.Equal(expected, UserAttributeSimilarityPasswordValidator<TestUser>.QuickRatio(a, b), 6);
    }

    private static async Task<List<IdentityError>> ValidateAsync(string password)
    {
        var options = Options.Create(new ClinicUsersOptions());
        IPasswordValidator<TestUser>[] validators =
        [
            new MinimumLengthPasswordValidator<TestUser>(options),
            new UserAttributeSimilarityPasswordValidator<TestUser>(),
            new CommonPasswordValidator<TestUser>(),
            new NumericPasswordValidator<TestUser>(),
        ];
        var errors = new List<IdentityError>();
        foreach (var validator in validators)
        {
            errors.AddRange((await validator.ValidateAsync(null!, User, password)).Errors);
        }

        return errors;
    }
}
