using TjanstePlattform.Host.Cli;

return await TjpCommandLine.RunAsync(args);
