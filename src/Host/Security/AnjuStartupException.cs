namespace Anju.Host.Security;

/// <summary>
/// A reason the Host cannot start that an operator fixes in configuration or on disk: the message is one line
/// naming the setting or folder and the cause, printed without a stack trace.
/// </summary>
public sealed class AnjuStartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    private static int _registered;

    /// <summary>
    /// From now on, an <see cref="AnjuStartupException"/> that nothing catches prints its one line to standard error
    /// and ends the process with exit code 1 instead of a stack trace and a crash. Registered once per process.
    /// </summary>
    public static void ExitCleanlyWhenUnhandled()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += static (_, args) =>
            {
                if (args.ExceptionObject is AnjuStartupException failure)
                {
                    Console.Error.WriteLine(failure.Message);
                    Console.Error.Flush();
                    Environment.Exit(1);
                }
            };
        }
    }
}
