using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Persistence;

/// <summary>
/// A feature's tables in the Host's model. <see cref="HostDbContext"/> applies every implementation in the Host's
/// assembly (ordered by type name), so that Persistence needs to know no feature.
/// </summary>
public interface IHostModel
{
    void Configure(ModelBuilder builder);
}
