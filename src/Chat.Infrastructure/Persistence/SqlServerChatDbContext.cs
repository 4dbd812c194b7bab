using Microsoft.EntityFrameworkCore;

namespace Chat.Infrastructure.Persistence;

public sealed class SqlServerChatDbContext(DbContextOptions<SqlServerChatDbContext> options) : ChatDbContext(options);
