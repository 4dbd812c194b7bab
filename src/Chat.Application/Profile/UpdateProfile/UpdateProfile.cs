using Chat.Application.Common;
using Chat.Domain.Common;
using Chat.Domain.Users;

namespace Chat.Application.Profile.UpdateProfile;

public sealed record UpdateProfile(string DisplayName);

/// <summary>Changes the signed-in user's display name.</summary>
public sealed class UpdateProfileHandler(ICurrentActor currentActor, IUserProfileStore profiles)
    : IUseCase<UpdateProfile, Done>
{
    public async Task<Result<Done>> HandleAsync(UpdateProfile request, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var userId = actor.RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        var name = DisplayName.Create(request.DisplayName);
        if (!name.Succeeded)
        {
            return name.Error!;
        }

        var stored = await profiles.SetDisplayNameAsync(userId.Value, name.Value, cancellationToken);
        return stored ? Done.Instance : ProfileErrors.NotFound;
    }
}
