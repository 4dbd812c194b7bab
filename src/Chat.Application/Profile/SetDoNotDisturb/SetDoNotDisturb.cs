using Chat.Application.Common;
using Chat.Application.Presence;
using Chat.Domain.Common;

namespace Chat.Application.Profile.SetDoNotDisturb;

public sealed record SetDoNotDisturb(bool On);

/// <summary>The user pauses (or resumes) being disturbed; colleagues see it as their status.</summary>
public sealed class SetDoNotDisturbHandler(ICurrentActor currentActor, IPresence presence) : IUseCase<SetDoNotDisturb, Done>
{
    public async Task<Result<Done>> HandleAsync(SetDoNotDisturb request, CancellationToken cancellationToken = default)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).RequireUser();
        if (!userId.Succeeded)
        {
            return userId.Error!;
        }

        presence.SetDoNotDisturb(userId.Value, request.On);
        return Done.Instance;
    }
}
