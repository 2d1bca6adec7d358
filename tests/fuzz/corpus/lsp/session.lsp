Content-Length: 199

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": 1, "rootUri": "file:///work/main", "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": true}}}}}Content-Length: 307

{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///work/main/examples/src/main.cpp", "languageId": "cpp", "version": 1, "text": "#include \"pii/annotations.h\"\n[[pii::purpose(\"security\")]] int phone;\nint f() { return phone; } // caf\u00e9 \ud83d\ude00\n"}}}Content-Length: 376

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///work/main/examples/src/main.cpp", "version": 2}, "contentChanges": [{"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 5}}, "text": "g"}, {"range": {"start": {"line": 2, "character": 30}, "end": {"line": 2, "character": 33}}, "text": "x\u00e9"}]}}Content-Length: 132

{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": "file:///work/main/examples/src/main.cpp"}}}Content-Length: 554

{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///work/main/examples/src/main.cpp", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 14}}, "severity": 2, "code": "-Wunknown-attributes", "source": "clang", "message": "unknown attribute 'purpose' ignored"}, {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}}, "severity": 1, "code": "undeclared_var_use", "source": "clang", "message": "use of undeclared identifier"}]}}Content-Length: 319

{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///work/main/examples/src/main.cpp", "version": 3}, "contentChanges": [{"text": "#include \"pii/annotations.h\"\n[[pii::purpose(\"security\")]] int phone;\nint f() { return phone; } // caf\u00e9 \ud83d\ude00\n// more\n"}]}}Content-Length: 554

{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///work/main/examples/src/main.cpp", "version": 1, "diagnostics": [{"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 14}}, "severity": 2, "code": "-Wunknown-attributes", "source": "clang", "message": "unknown attribute 'purpose' ignored"}, {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}}, "severity": 1, "code": "undeclared_var_use", "source": "clang", "message": "use of undeclared identifier"}]}}Content-Length: 133

{"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///work/main/examples/src/main.cpp"}}}Content-Length: 49

{"jsonrpc": "2.0", "id": 2, "method": "shutdown"}Content-Length: 36

{"jsonrpc": "2.0", "method": "exit"}