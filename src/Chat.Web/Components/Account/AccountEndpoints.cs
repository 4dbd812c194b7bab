using Chat.Application.Profile.SetThemePreference;
using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Chat.Web.Endpoints;
using Chat.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Web.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Endpoints the account pages post to that are not pages themselves.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");
        account.MapPost("/Logout", async Task<IResult> (
            HttpContext context,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            // Nothing is bound from the form, so antiforgery is not checked for us: a forged
            // cross-site post must not be able to sign people out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest("Your session expired. Reload the page and try again.");
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        // The theme toggle of the static account pages (the interactive pages save it from their circuit).
        account.MapPost("/Theme", async Task<IResult> (
            HttpContext context, [FromForm] ThemePreference theme, [FromForm] string? returnUrl) =>
        {
            var saved = await RequestActor.Handler<SetThemePreferenceHandler>(context.RequestServices, context.User)
                .HandleAsync(new SetThemePreference(theme));
            if (!saved.Succeeded)
            {
                return ProblemResults.From(saved.Error!);
            }

            // Back to the page it was chosen on: an address of this app, relative to its base ("Account/Manage").
            var back = returnUrl is { Length: > 0 } path && !path.StartsWith('/') && !path.StartsWith('\\') && !path.Contains(':')
                ? $"~/{path}"
                : "~/";
            return TypedResults.LocalRedirect(back);
        }).RequireAuthorization();
        return account;
    }
}
