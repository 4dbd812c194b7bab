using Chat.Infrastructure.Files;

namespace Chat.Infrastructure.Tests.Files;

public class FileOptionsTests
{
    [Theory]
    [InlineData(true, "", 3310, 30, "ClamAv:Host")]
    [InlineData(false, "127.0.0.1", 0, 30, "ClamAv:Port")]
    [InlineData(true, "clamav", 3310, 0, "ClamAv:TimeoutSeconds")]
    public void A_wrong_setting_is_named(bool enabled, string host, int port, int timeout, string named)
    {
        var result = new ClamAvOptionsValidator().Validate(
            null, new ClamAvOptions { Enabled = enabled, Host = host, Port = port, TimeoutSeconds = timeout });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(named);
    }

    [Fact]
    public void The_defaults_are_valid_and_leave_scanning_off()
    {
        var defaults = new ClamAvOptions();

        new ClamAvOptionsValidator().Validate(null, defaults).Succeeded.ShouldBeTrue();
        defaults.Enabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, null, "Files:MaxMegabytes")]
    [InlineData(25, new[] { "pdf", "exe" }, "not exe")]
    [InlineData(25, new string[0], "it is empty")]
    public void A_wrong_file_limit_is_named(int maxMegabytes, string[]? allowed, string named)
    {
        var result = new FilesOptionsValidator().Validate(null, new FilesOptions { MaxMegabytes = maxMegabytes, AllowedExtensions = allowed });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(named);
    }
}
