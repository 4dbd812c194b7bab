using Chat.Application;
using Chat.Infrastructure;
using Chat.Web;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddApplication().AddInfrastructure().AddWeb(builder.Configuration);

    var app = builder.Build();
    app.UseChatPipeline();
    app.PrintStartupBanner();
    await app.RunAsync();
}
catch (OptionsValidationException e)
{
    // A wrong setting stops start-up with the setting's name, not a stack trace.
    Console.Error.WriteLine($"Configuration error: {string.Join(" ", e.Failures)}");
    Environment.ExitCode = 78;
}

public partial class Program;
