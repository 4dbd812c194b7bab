using Chat.Domain.Channels;
using Chat.Domain.Users;
using Chat.Infrastructure.Identity;
using Chat.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Demo;

public sealed record DemoAccount(string Email, string Password, string DisplayName, string Roles);

/// <summary>Fills an empty database with a small workspace so a newcomer can sign in at once.</summary>
public sealed class DemoWorkspaceSeeder(ChatDbContext db, UserAccounts accounts, TimeProvider clock)
{
    /// <summary>Known on purpose: it is printed at start-up, and only ever used outside Production.</summary>
    public const string Password = "ChatDemo2026";

    private static readonly (string Email, string Name, string[] Roles)[] People =
    [
        ("alice@demo.chat", "Alice Admin", [WorkspaceRoles.WorkspaceAdmin]),
        ("bob@demo.chat", "Bob Baker", []),
        ("carol@demo.chat", "Carol Compliance", [WorkspaceRoles.ComplianceOfficer]),
        ("dan@demo.chat", "Dan Developer", []),
        ("erin@demo.chat", "Erin Engineer", []),
    ];

    private static readonly (string Name, ChannelKind Kind, string Topic, string[] Members)[] Channels =
    [
        ("general", ChannelKind.Public, "Company-wide news and questions", ["*"]),
        ("random", ChannelKind.Public, "Anything goes", ["*"]),
        ("announcements", ChannelKind.Public, "Read-mostly updates from the team", ["*"]),
        ("engineering", ChannelKind.Private, "Build, ship, repeat", ["alice", "dan", "erin"]),
    ];

    /// <summary>Seeds only an empty database; returns the demo accounts whenever they exist.</summary>
    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            await SeedPeopleAndChannelsAsync(cancellationToken);
        }

        var demoEmails = People.Select(p => p.Email).ToList();
        var seeded = await db.Users.CountAsync(u => demoEmails.Contains(u.Email!), cancellationToken);
        return seeded == People.Length
            ? People.Select(p => new DemoAccount(p.Email, Password, p.Name, RolesOf(p.Roles))).ToList()
            : [];
    }

    private async Task SeedPeopleAndChannelsAsync(CancellationToken cancellationToken)
    {
        var userIds = new Dictionary<string, string>();
        foreach (var (email, name, roles) in People)
        {
            var (result, user) = await accounts.RegisterAsync(email, Password, name, roles);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Seeding {email} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            userIds[email.Split('@')[0]] = user.Id;
        }

        var now = clock.GetUtcNow();
        foreach (var (name, kind, topic, members) in Channels)
        {
            var channel = Channel.Create(ChannelName.Create(name).Value, kind, userIds["alice"], now).Value;
            channel.Describe(topic, topic);
            var memberIds = members is ["*"] ? userIds.Values : members.Select(m => userIds[m]);
            foreach (var memberId in memberIds)
            {
                channel.AddMember(memberId, now);
            }

            db.Channels.Add(channel);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string RolesOf(string[] roles) =>
        string.Join(", ", new[] { WorkspaceRoles.Member }.Concat(roles));
}
