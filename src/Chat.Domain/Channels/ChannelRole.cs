namespace Chat.Domain.Channels;

public enum ChannelRole
{
    Member,
    Owner,
}
