using System.ComponentModel.DataAnnotations;
using Clinic.Erp.Domain;
using Clinic.Users;

namespace Clinic.Erp.Infrastructure;

/// <summary>The terminal the <c>createsuperuser</c> command talks to (a fake one in the tests).</summary>
public interface ICommandConsole
{
    void WriteLine(string message);

    /// <summary>Shows <paramref name="prompt"/> and reads a line without echoing it; <c>null</c> at end of input.</summary>
    string? ReadSecret(string prompt);
}

/// <summary>The process's own terminal; typed characters are not echoed.</summary>
public sealed class SystemCommandConsole : ICommandConsole
{
    public void WriteLine(string message) => Console.WriteLine(message);

    public string? ReadSecret(string prompt)
    {
        Console.Write(prompt);
        if (Console.IsInputRedirected)
        {
            var line = Console.ReadLine();
            Console.WriteLine();
            return line;
        }

        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return buffer.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (buffer.Length > 0)
                {
                    buffer.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }
    }
}

/// <summary>
/// <c>createsuperuser --email ADDRESS</c>: creates an active staff superuser, Django's command for the sample. The
/// password comes from <see cref="PasswordVariable"/> when set, otherwise it is asked twice without echo; the app's
/// password validators apply.
/// </summary>
public sealed class CreateSuperuserCommand(ClinicUserManager<ErpUser> users, ICommandConsole console)
{
    public const string Name = "createsuperuser";

    public const string PasswordVariable = "CLINIC_SUPERUSER_PASSWORD";

    private const string Usage = "Usage: dotnet run --project samples/Clinic.Erp -- createsuperuser --email ADDRESS";

    /// <summary>Whether the process was started to run this command rather than the web server.</summary>
    public static bool IsRequested(string[] args) => args is [Name, ..];

    /// <summary>Runs the command; returns the process exit code (0 created, 1 refused, 2 bad usage).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, string? environmentPassword)
    {
        ArgumentNullException.ThrowIfNull(args);
        var email = EmailFrom(args);
        if (email is null)
        {
            console.WriteLine(Usage);
            return 2;
        }

        email = ClinicUserEmail.Normalize(email);
        if (!new EmailAddressAttribute().IsValid(email))
        {
            console.WriteLine($"Error: '{email}' is not a valid email address.");
            return 2;
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            console.WriteLine($"Error: a user with the email address {email} already exists; nothing was changed.");
            return 1;
        }

        var password = string.IsNullOrEmpty(environmentPassword) ? AskPassword() : environmentPassword;
        if (password is null)
        {
            return 1;
        }

        // The package's CreateSuperuserAsync sets the three flags (active, staff, superuser) and runs the validators.
        var result = await users.CreateSuperuserAsync(email, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                console.WriteLine($"Error: {error.Description}");
            }

            console.WriteLine("The superuser was not created.");
            return 1;
        }

        console.WriteLine($"Superuser {email} created.");
        return 0;
    }

    private static string? EmailFrom(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--email" && i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]))
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--email=", StringComparison.Ordinal) && args[i].Length > "--email=".Length)
            {
                return args[i]["--email=".Length..];
            }
        }

        return null;
    }

    private string? AskPassword()
    {
        var first = console.ReadSecret("Password: ");
        var second = first is null ? null : console.ReadSecret("Password (again): ");
        if (string.IsNullOrEmpty(first) || second is null)
        {
            console.WriteLine("Error: a blank password is not allowed. The superuser was not created.");
            return null;
        }

        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            console.WriteLine("Error: your passwords didn't match. The superuser was not created.");
            return null;
        }

        return first;
    }
}
