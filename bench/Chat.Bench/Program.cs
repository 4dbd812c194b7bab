using Chat.Bench;

return args.FirstOrDefault() switch
{
    "messaging" => await MessagingBenchmark.RunAsync(args[1..]),
    "files" => await FilesBenchmark.RunAsync(args[1..]),
    "search" => await SearchBenchmark.RunAsync(args[1..]),
    "fanout" => await FanoutBenchmark.RunAsync(args[1..]),
    "circuits" => await CircuitsBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench/run.sh messaging [--sends N] [--warm-up-sends N] [--senders K] [--history-messages N]");
    Console.Error.WriteLine("       bench/run.sh files [--uploads N] [--megabytes M]");
    Console.Error.WriteLine("       bench/run.sh search [--messages N]");
    Console.Error.WriteLine("       bench/run.sh fanout --clients N --senders K --rate R --duration S [--messagepack]");
    Console.Error.WriteLine("       bench/run.sh circuits --users N [--hold-seconds S] [--page /c/fanout]");
    return 2;
}
