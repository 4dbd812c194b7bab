using Chat.Application.Common;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Profile.SetThemePreference;

public sealed record SetThemePreference(ThemePreference Theme);

/// <summary>Remembers whether the signed-in user wants the light or dark theme.</summary>
public sealed class SetThemePreferenceHandler(ICurrentActor currentActor, IUserProfileStore profiles)
    : IUseCase<SetThemePreference, Done>
{
    public async Task<Result<Done>> HandleAsync(
        SetThemePreference request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        if (!Enum.IsDefined(request.Theme))
        {
            return Error.Invalid("profile.theme.invalid", "Unknown theme.");
        }

        var stored = await profiles.SetThemeAsync(userId.Value, request.Theme, cancellationToken);
        return stored ? Done.Instance : ProfileErrors.NotFound;
    }
}
