namespace GuidelineGraph.LanguageServer.Server;

/// <summary>
/// Runs posted work one item at a time, in the order posted, on the thread pool. StreamJsonRpc posts every
/// incoming message's dispatch here, so handlers start in arrival order and the synchronous part of a
/// mutating handler (didOpen, didChange, …) runs alone; read handlers capture a snapshot here and then
/// continue off the queue.
/// </summary>
internal sealed class OrderedSynchronizationContext(Action<Exception> onError) : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private bool _running;

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            _queue.Enqueue((d, state));
            if (_running) return;
            _running = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(_ => Drain(), null);
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new InvalidOperationException("the server's queue runs work asynchronously");

    public override SynchronizationContext CreateCopy() => this;

    private void Drain()
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (_queue)
                {
                    if (_queue.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                    item = _queue.Dequeue();
                }
                try
                {
                    item.Callback(item.State);
                }
                catch (Exception e)
                {
                    onError(e); // one failed dispatch must not stall the queue
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
