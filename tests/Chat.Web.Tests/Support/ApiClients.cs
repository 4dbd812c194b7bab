using System.Net.Http.Headers;
using Chat.Application.Common;
using Chat.Application.Tokens.CreateAccessToken;
using Chat.Domain.Users;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Support;

/// <summary>API clients of demo users, each with a personal access token made through the real use case.</summary>
public static class ApiClients
{
    public static async Task<(HttpClient Client, CreatedAccessToken Token)> ForAsync(ChatWebFactory app, string user, int? expiresInDays = null)
    {
        var token = await CreateTokenAsync(app, user, "tests", expiresInDays);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return (client, token);
    }

    public static async Task<CreatedAccessToken> CreateTokenAsync(ChatWebFactory app, string user, string name, int? expiresInDays = null)
    {
        using var scope = app.Services.CreateScope();
        var userId = await UserIdAsync(app, user);
        var create = ActivatorUtilities.CreateInstance<CreateAccessTokenHandler>(
            scope.ServiceProvider, (ICurrentActor)new FixedActor(new Actor(userId, new HashSet<string> { WorkspaceRoles.Member })));
        return (await create.HandleAsync(new CreateAccessToken(name, expiresInDays))).Value;
    }

    public static async Task<string> UserIdAsync(ChatWebFactory app, string user)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return (await db.Users.SingleAsync(u => u.Email == $"{user}@demo.chat")).Id;
    }

    public static async Task<Guid> ChannelIdAsync(ChatWebFactory app, string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return (await db.Channels.SingleAsync(c => c.Name == name)).Id;
    }
}
