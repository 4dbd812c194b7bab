using Chat.Application.Profile;
using Chat.Application.Profile.GetProfile;
using Chat.Application.Profile.SetThemePreference;
using Chat.Application.Profile.UpdateProfile;
using Chat.Domain.Users;

namespace Chat.Application.Tests.Profile;

public class ProfileUseCaseTests
{
    private readonly InMemoryProfileStore _store = new();
    private readonly FixedActor _ann = FixedActor.User("ann");

    public ProfileUseCaseTests() =>
        _store.Profiles["ann"] = new UserProfile("ann", "ann.lee@example.com", "Ann Lee", ThemePreference.System);

    [Fact]
    public async Task GetProfile_returns_own_profile_with_initials()
    {
        var profile = (await new GetProfileHandler(_ann, _store).HandleAsync(new GetProfile())).Value;

        profile.ShouldBe(new ProfileDto("ann", "ann.lee@example.com", "Ann Lee", "AL", ThemePreference.System));
    }

    [Fact]
    public async Task GetProfile_of_a_deleted_account_is_not_found()
    {
        var result = await new GetProfileHandler(FixedActor.User("gone"), _store).HandleAsync(new GetProfile());

        result.Error!.Code.ShouldBe("profile.not_found");
    }

    [Fact]
    public async Task UpdateProfile_changes_the_display_name()
    {
        var result = await new UpdateProfileHandler(_ann, _store).HandleAsync(new UpdateProfile("  Ann Smith "));

        result.Succeeded.ShouldBeTrue();
        _store.Profiles["ann"].DisplayName.ShouldBe("Ann Smith");
    }

    [Fact]
    public async Task UpdateProfile_refuses_an_empty_name_and_keeps_the_old_one()
    {
        var result = await new UpdateProfileHandler(_ann, _store).HandleAsync(new UpdateProfile("   "));

        result.Error!.Code.ShouldBe("profile.display_name.empty");
        _store.Profiles["ann"].DisplayName.ShouldBe("Ann Lee");
    }

    [Fact]
    public async Task SetThemePreference_is_remembered()
    {
        await new SetThemePreferenceHandler(_ann, _store).HandleAsync(new SetThemePreference(ThemePreference.Dark));

        _store.Profiles["ann"].Theme.ShouldBe(ThemePreference.Dark);
    }

    [Fact]
    public async Task SetThemePreference_refuses_an_unknown_theme()
    {
        var result = await new SetThemePreferenceHandler(_ann, _store)
            .HandleAsync(new SetThemePreference((ThemePreference)42));

        result.Error!.Code.ShouldBe("profile.theme.invalid");
        _store.Profiles["ann"].Theme.ShouldBe(ThemePreference.System);
    }
}
