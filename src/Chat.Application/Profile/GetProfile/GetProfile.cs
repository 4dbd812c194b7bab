using Chat.Application.Common;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Profile.GetProfile;

public sealed record GetProfile;

public sealed record ProfileDto(string UserId, string Email, string DisplayName, string Initials, ThemePreference Theme);

/// <summary>Returns the signed-in user's own profile.</summary>
public sealed class GetProfileHandler(ICurrentActor currentActor, IUserProfileStore profiles)
    : IUseCase<GetProfile, ProfileDto>
{
    public async Task<Result<ProfileDto>> HandleAsync(GetProfile request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var profile = await profiles.FindAsync(userId.Value, cancellationToken);
        if (profile is null)
        {
            return ProfileErrors.NotFound;
        }

        var name = DisplayName.Create(profile.DisplayName);
        var shownName = name.Succeeded ? name.Value : DisplayName.FromEmail(profile.Email);
        return new ProfileDto(userId.Value, profile.Email, shownName.Value, shownName.Initials, profile.Theme);
    }
}
