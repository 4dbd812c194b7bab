using System.Security.Claims;
using Chat.Application.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace Chat.Web.Security;

/// <summary>The actor of this circuit or request, read from Blazor's authentication state.</summary>
internal sealed class CurrentActor(AuthenticationStateProvider authentication) : ICurrentActor
{
    public async ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var user = state.User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || id is null)
        {
            return Actor.Anonymous;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new Actor(id, roles);
    }
}
