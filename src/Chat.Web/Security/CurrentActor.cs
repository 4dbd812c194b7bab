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
        return ToActor(state.User);
    }

    /// <summary>The actor a signed-in principal stands for (Blazor's state or an HTTP request's user).</summary>
    public static Actor ToActor(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.Identity?.IsAuthenticated == true && id is not null
            ? new Actor(id, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet())
            : Actor.Anonymous;
    }
}
