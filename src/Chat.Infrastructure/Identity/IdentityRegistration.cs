using Chat.Application.Bots;
using Chat.Application.People;
using Chat.Application.Profile;
using Chat.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Identity;

public static class IdentityRegistration
{
    public const int PasswordMinLength = 10;
    public const int MaxFailedAccessAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    internal static IServiceCollection AddChatIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordMinLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ChatDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddDataProtection().SetApplicationName("Chat.Enterprise").PersistKeysToDbContext<ChatDbContext>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<IUserProfileStore, UserProfileStore>();
        services.AddSingleton<IUserDirectory, UserDirectory>();
        services.AddSingleton<IBotAccounts, BotAccounts>();
        return services;
    }
}
