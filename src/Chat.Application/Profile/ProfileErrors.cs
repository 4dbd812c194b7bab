using Chat.Domain.Common;

namespace Chat.Application.Profile;

internal static class ProfileErrors
{
    public static readonly Error NotFound = Error.NotFound("profile.not_found", "Your account no longer exists.");
}
