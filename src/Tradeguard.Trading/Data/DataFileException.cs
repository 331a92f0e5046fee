using Tradeguard.Core.Errors;

namespace Tradeguard.Trading.Data;

/// <summary>
/// A market-data file that cannot be used as it is: the message names the file, the line and (where there is one)
/// the column, and the CLI ends with <see cref="ExitCode.IntegrityFailure"/>. Every message is worded here.
/// </summary>
public sealed class DataFileException : TradeguardException
{
    private DataFileException(string file, int line, int? column, string message)
        : base(ExitCode.IntegrityFailure, message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The path of the file as it was given.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (field number) of the problem; null when the whole line is at fault.</summary>
    public int? Column { get; }

    internal static DataFileException Empty(string file) =>
        new(file, 1, null, $"{file}: line 1: the file is empty; expected a header such as Date,Open,High,Low,Close,Volume");

    internal static DataFileException NoBars(string file) =>
        new(file, 2, null, $"{file}: line 2: the file has a header but no bars");

    internal static DataFileException MissingColumn(string file, string column) =>
        new(file, 1, null, $"{file}: line 1: missing column \"{column}\" (the header must name Date, Open, High, Low, Close and Volume)");

    internal static DataFileException At(string file, int line, int column, string header, string problem) =>
        new(file, line, column, $"{file}: line {line}, column {column} ({header}): {problem}");

    internal static DataFileException Malformed(string file, int line, string problem) =>
        new(file, line, null, $"{file}: line {line}: {problem}");
}
