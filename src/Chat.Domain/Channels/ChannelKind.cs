namespace Chat.Domain.Channels;

public enum ChannelKind
{
    Public,
    Private,
    Direct,
    Group,
}
