namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>
/// Connection strings of the real services that ./test.sh starts (PostgreSQL, Azurite).
/// A test that needs one fails with a clear message when it is missing: run the suite through ./test.sh.
/// </summary>
internal static class TestServices
{
    public const string PostgresVariable = "SHARINGHUB_TEST_POSTGRES";
    public const string AzuriteVariable = "SHARINGHUB_TEST_AZURITE";

    public static string PostgresConnectionString => Require(PostgresVariable, "PostgreSQL");

    public static string AzuriteConnectionString => Require(AzuriteVariable, "Azurite");

    private static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{variable} is not set: {service} is not running. Run the tests with ./test.sh, which starts it.");
        }

        return value;
    }
}
