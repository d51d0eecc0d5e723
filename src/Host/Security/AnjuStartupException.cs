namespace Anju.Host.Security;

/// <summary>
/// A reason the Host cannot start that an operator fixes in configuration or on disk: the message is one line
/// naming the setting or folder and the cause, printed without a stack trace.
/// </summary>
public sealed class AnjuStartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Prints the one-line reason and ends the process with exit code 1 instead of a crash dump.</summary>
    public static void ExitOnStartupFailure(object? sender, UnhandledExceptionEventArgs args)
    {
        if (args.ExceptionObject is AnjuStartupException failure)
        {
            Console.Error.WriteLine(failure.Message);
            Console.Error.Flush();
            Environment.Exit(1);
        }
    }
}
