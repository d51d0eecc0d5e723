using Anju.Workflows.Persistence;
using Npgsql;

namespace Anju.Workflows.Tests.Persistence;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Statement_preparation_and_no_session_reset_are_switched_on_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(WorkflowStorage.PostgresConnectionString("Host=db;Database=anju;Username=anju;Password=secret"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("anju", tuned.Database);
        Assert.Equal("secret", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Auto Prepare Min Usages=5")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false;AutoPrepareMinUsages=5")]
    [InlineData("Host=db;max auto prepare=0;no reset on close=false;auto prepare min usages=5")]
    public void What_the_operator_set_is_kept(string configured)
    {
        var tuned = new NpgsqlConnectionStringBuilder(WorkflowStorage.PostgresConnectionString(configured));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(5, tuned.AutoPrepareMinUsages);
        Assert.False(tuned.NoResetOnClose);
    }
}
