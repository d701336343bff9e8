using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Signals.Internal;

/// <summary>Sends the request signals around the rest of the pipeline.</summary>
internal sealed class RequestSignalsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var dispatcher = context.RequestServices.GetRequiredService<ISignalDispatcher>();
        await dispatcher.SendAsync(RequestSignals.RequestStarted, context, new RequestStartedArgs(context), context.RequestAborted).ConfigureAwait(false);
        Exception? failure = null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
            if (!(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
            {
                await dispatcher.SendRobustAsync(RequestSignals.GotRequestException, context, new GotRequestExceptionArgs(context, ex), CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            await dispatcher.SendRobustAsync(RequestSignals.RequestFinished, context, new RequestFinishedArgs(context, failure), CancellationToken.None).ConfigureAwait(false);
        }
    }
}
