using Tradeguard.Cli;

return CliRunner.Run(TradeguardCommand.Create(args), args);
