using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clinic.Profiles.Tests;

public sealed class ProfileEditResultTests
{
    [Fact]
    public void AddTo_ErrorsOfBothForms_KeyedByEachFormsPrefix()
    {
        var result = ProfileEditResult.Failed([
            new ProfileEditError(ProfileEditForm.User, "Email", "Taken."),
            new ProfileEditError(ProfileEditForm.Profile, "Picture", "Not an image."),
            new ProfileEditError(ProfileEditForm.Page, string.Empty, "Changed elsewhere."),
        ]);
        var modelState = new ModelStateDictionary();

        result.AddTo(modelState, "Account", "Profile");

        Assert.Equal("Taken.", Assert.Single(modelState["Account.Email"]!.Errors).ErrorMessage);
        Assert.Equal("Not an image.", Assert.Single(modelState["Profile.Picture"]!.Errors).ErrorMessage);
        Assert.Equal("Changed elsewhere.", Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void AddTo_MessageModelBindingAlreadyAdded_NotRepeated()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Account.Email", "Enter a valid email address.");

        ProfileEditResult.Failed([new ProfileEditError(ProfileEditForm.User, "Email", "Enter a valid email address.")]).AddTo(modelState, "Account", "Profile");

        Assert.Single(modelState["Account.Email"]!.Errors);
    }

    [Fact]
    public void Failed_NoErrors_StillAFailureWithAPageError()
    {
        var result = ProfileEditResult.Failed([]);

        Assert.False(result.Succeeded);
        Assert.Equal(ProfileEditForm.Page, Assert.Single(result.Errors).Form);
    }
}
